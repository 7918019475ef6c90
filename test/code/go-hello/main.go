// A tiny Lambda handler for BlueprintCode.fromGoModule's tests.
package main

import (
	"context"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct {
	Name string `json:"name"`
}

func handle(ctx context.Context, e event) (string, error) {
	return "hello " + strings.ToUpper(e.Name), nil
}

func main() {
	lambda.Start(handle)
}
