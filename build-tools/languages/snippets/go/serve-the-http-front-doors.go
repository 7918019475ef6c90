import (
	"fmt"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// app: the awscdk.App under test, e.g. from your buildApp()
api := cdklambdablueprints.LocalApi_FromStage(app, &cdklambdablueprints.LocalApiOptions{FrontDoor: jsii.String("rest-api")}) // or LocalApi_FromAssembly(jsii.String("cdk.out"), nil)
response := api.Request(jsii.String("GET"), jsii.String("/prod/items/7?limit=1"), &cdklambdablueprints.LocalRequestOptions{
	Headers: &map[string]*string{"Authorization": jsii.String("allow")},
})
// response.StatusCode, response.Headers, response.Cookies, response.Body, response.Logs
fmt.Println(*response.StatusCode, *response.Body)
api.Dispose()
