import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("AcceptOrder"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("orders.handler"), // the bundle is orders.mjs, and it must export handler
	// relative to where cdk runs
	Code: cdklambdablueprints.BlueprintCode_FromEntry(jsii.String("orders/src/handler.ts"), &cdklambdablueprints.BlueprintEntryCodeOptions{
		Format: cdklambdablueprints.BundleFormat_ESM,
		Minify: jsii.Bool(true),
	}),
})
cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Escape"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime:      awslambda.Runtime_PYTHON_3_14(),
	Architecture: awslambda.Architecture_ARM_64(), // pip installs manylinux aarch64 wheels
	Handler:      jsii.String("app.handler"),
	Code:         cdklambdablueprints.BlueprintCode_FromPythonProject(jsii.String("escape"), nil), // app.py + requirements.txt
})
repository := awsecr.Repository_FromRepositoryName(stack, jsii.String("Reports"), jsii.String("reports"))
cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Report"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_FROM_IMAGE(),
	Handler: awslambda.Handler_FROM_IMAGE(),
	Code:    cdklambdablueprints.BlueprintCode_FromEcr(repository, jsii.String("sha256:5b1b3c6f0d2f4e8a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b")),
})
