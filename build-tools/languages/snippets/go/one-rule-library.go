import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
	"github.com/cdklabs/cdk-nag-go/cdknag/v3"
)

// legacyFn: an awslambda.IFunction of one of your stacks
app := awscdk.NewApp(nil)
// ... stacks ...
awscdk.Validations_Of(app).AddPlugins(
	cdknag.NewAwsSolutionsChecks(app, nil), cdknag.NewServerlessChecks(app, nil),
	cdklambdablueprints.NewLambdaBlueprintChecks(app, &cdklambdablueprints.LambdaBlueprintChecksProps{AccountConcurrencyLimit: jsii.Number(1000)}))
cdklambdablueprints.ConcurrencyBudget_Enforce(app, &cdklambdablueprints.ConcurrencyBudgetOptions{AccountConcurrencyLimit: jsii.Number(1000)})

// acknowledge an accepted finding, with a reason a reviewer would accept
cdklambdablueprints.NagAcknowledgements_Add(legacyFn, jsii.String("LambdaBlueprints-LambdaStreamFailureHandling"),
	jsii.String("ordered ledger: batches must not be split"))

// inspect: reserved vs. stream concurrency per function
for _, f := range *cdklambdablueprints.ConcurrencyBudget_Report(app) {
	reserved := "none"
	if f.ReservedConcurrency != nil {
		reserved = fmt.Sprint(*f.ReservedConcurrency)
	}
	fmt.Println(*f.FunctionPath, reserved, *f.StreamConcurrency)
}
