import (
	"encoding/json"
	"fmt"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

sqsEvent := cdklambdablueprints.SampleEvents_Sqs(&cdklambdablueprints.SqsSampleOptions{
	Bodies:    jsii.Strings(`{"orderId":"1"}`, `{"orderId":"2"}`),
	QueueName: jsii.String("orders.fifo"),
})
albEvent := cdklambdablueprints.SampleEvents_Alb(&cdklambdablueprints.HttpSampleOptions{
	Method: jsii.String("POST"), Path: jsii.String("/orders"), Body: jsii.String("{}"), MultiValueHeaders: jsii.Bool(true),
})
change := cdklambdablueprints.SampleEvents_DynamoDb(&cdklambdablueprints.DynamoDbSampleOptions{
	EventName: jsii.String("MODIFY"),
	Keys:      &map[string]interface{}{"pk": "order#1"},
	NewImage:  &map[string]interface{}{"pk": "order#1", "status": "PAID"},
})
signUp := cdklambdablueprints.SampleEvents_CognitoPreSignUp(&cdklambdablueprints.CognitoSampleOptions{
	UserAttributes: &map[string]*string{"email": jsii.String("jane@example.com")},
})
edge := cdklambdablueprints.SampleEvents_CloudFrontViewerRequest(&cdklambdablueprints.CloudFrontSampleOptions{
	Uri:     jsii.String("/docs/"),
	Headers: &map[string]*string{"Host": jsii.String("example.com")},
})
batch := cdklambdablueprints.SampleEvents_CloudWatchLogs(&cdklambdablueprints.CloudWatchLogsSampleOptions{
	Messages: jsii.Strings("ERROR payment failed"),
	LogGroup: jsii.String("/aws/lambda/payments"),
})

// Each event is a JSON value: marshal it, and unmarshal it into the type your handler takes
// (e.g. aws-lambda-go's events.SQSEvent; here a struct of the fields it reads).
var sqs struct {
	Records []struct{ Body string }
}
raw, err := json.Marshal(sqsEvent)
if err == nil {
	err = json.Unmarshal(raw, &sqs)
}
if err != nil {
	panic(err)
}
fmt.Println(len(sqs.Records), sqs.Records[0].Body)
for _, event := range []interface{}{albEvent, change, signUp, edge, batch} {
	text, _ := json.Marshal(event)
	fmt.Println(string(text))
}
