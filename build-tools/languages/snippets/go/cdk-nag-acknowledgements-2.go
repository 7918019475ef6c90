import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/cdklabs/cdk-nag-go/cdknag/v3"
)

app := awscdk.NewApp(nil)
// ... your stacks ...
awscdk.Validations_Of(app).AddPlugins(cdknag.NewAwsSolutionsChecks(app, nil), cdknag.NewServerlessChecks(app, nil))
