// An HTTP API handler behind a Lambda Function URL (payload 2.0), built by BlueprintCode.fromGoModule into
// the bootstrap that provided.al2023 runs (see ../go-url-handler.ts).
package main

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type greeting struct {
	Message string `json:"message"`
	Method  string `json:"method"`
	Path    string `json:"path"`
}

func respond(status int, body any) (events.LambdaFunctionURLResponse, error) {
	text, err := json.Marshal(body)
	if err != nil {
		return events.LambdaFunctionURLResponse{}, err
	}
	return events.LambdaFunctionURLResponse{
		StatusCode: status,
		Headers:    map[string]string{"content-type": "application/json"},
		Body:       string(text),
	}, nil
}

func handle(ctx context.Context, req events.LambdaFunctionURLRequest) (events.LambdaFunctionURLResponse, error) {
	method := req.RequestContext.HTTP.Method
	switch {
	case req.RawPath == "/hello" && method == http.MethodGet:
		name := req.QueryStringParameters["name"]
		if name == "" {
			name = "world"
		}
		return respond(http.StatusOK, greeting{Message: "hello " + name, Method: method, Path: req.RawPath})
	case req.RawPath == "/echo" && method == http.MethodPost:
		var body map[string]any
		if err := json.Unmarshal([]byte(req.Body), &body); err != nil {
			return respond(http.StatusBadRequest, map[string]string{"error": "the body is not a JSON object"})
		}
		return respond(http.StatusOK, body)
	default:
		return respond(http.StatusNotFound, map[string]string{"error": "no route for " + method + " " + req.RawPath})
	}
}

func main() {
	lambda.Start(handle)
}
