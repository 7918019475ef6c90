// A tiny Lambda handler for BlueprintCode.fromGoModule's tests.
package main

import (
	"context"
	"errors"
	"log"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct {
	Name string `json:"name"`
}

func handle(ctx context.Context, e event) (string, error) {
	if e.Name == "" {
		return "", errors.New("name is required")
	}
	log.Printf("greeting %s", e.Name)
	return "hello " + strings.ToUpper(e.Name), nil
}

func main() {
	lambda.Start(handle)
}
