import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfrontorigins"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

// viewer events: at most 128 MB and 5 s (the defaults); origin events: at most 30 s
rewrite := cdklambdablueprints.NewBlueprintEdgeFunction(stack, jsii.String("HeaderRewrite"), &cdklambdablueprints.BlueprintEdgeFunctionProps{
	Runtime:   awslambda.Runtime_NODEJS_24_X(),
	Handler:   jsii.String("index.handler"),
	Code:      awslambda.Code_FromAsset(jsii.String("handlers/edge-viewer-request"), nil),
	EventType: awscloudfront.LambdaEdgeEventType_VIEWER_REQUEST,
})
securityHeaders := cdklambdablueprints.NewBlueprintEdgeFunction(stack, jsii.String("SecurityHeaders"), &cdklambdablueprints.BlueprintEdgeFunctionProps{
	Runtime:   awslambda.Runtime_NODEJS_24_X(),
	Handler:   jsii.String("index.handler"),
	Code:      awslambda.Code_FromAsset(jsii.String("handlers/edge-origin-response"), nil),
	EventType: awscloudfront.LambdaEdgeEventType_ORIGIN_RESPONSE,
})
content := awss3.NewBucket(stack, jsii.String("SiteContent"), &awss3.BucketProps{EnforceSSL: jsii.Bool(true)})
awscloudfront.NewDistribution(stack, jsii.String("Cdn"), &awscloudfront.DistributionProps{
	DefaultBehavior: &awscloudfront.BehaviorOptions{
		Origin:      awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(content, nil),
		EdgeLambdas: &[]*awscloudfront.EdgeLambda{rewrite.EdgeLambda(), securityHeaders.EdgeLambda()},
	},
})
