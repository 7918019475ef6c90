import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

reader := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Reader"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("handlers/reader"), nil),
})
reader.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
	Actions:   jsii.Strings("s3:GetObject"),
	Resources: jsii.Strings("arn:aws:s3:::reports-bucket/*"),
}))
cdklambdablueprints.NagAcknowledgements_AddRule(reader, jsii.String("AwsSolutions-IAM5"),
	jsii.String("Report keys are only known at run time; reads are limited to the reports bucket."))
