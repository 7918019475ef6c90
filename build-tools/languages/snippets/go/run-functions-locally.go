import (
	"fmt"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// app: the awscdk.App under test, e.g. from your buildApp()
fn := cdklambdablueprints.LocalLambda_FromStage(app, jsii.String("SqsWorker/Jobs"), nil) // or LocalLambda_FromAssembly(jsii.String("cdk.out"), …)
// Payload (JSON text), ErrorType, ColdStart, Logs…
result := fn.Invoke(cdklambdablueprints.LocalEvents_Sqs(jsii.Strings(`{"order":1}`)), nil)
direct := fn.Invoke(map[string]interface{}{"orderId": 1}, nil) // any JSON value (a map in Go), or JSON text
delivery := fn.Deliver(&cdklambdablueprints.LocalDeliverOptions{Records: jsii.Strings("a", "b")}) // Outbox: where every event ended up
fn.Dispose()
fmt.Println(*result.Payload, *direct.StatusCode, *delivery.Outbox)
