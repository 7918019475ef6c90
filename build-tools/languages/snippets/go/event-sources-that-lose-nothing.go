import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

functionProps := &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("handlers/batch"), nil),
}
// L3: creates an encrypted queue (visibility = 6 x timeout + window) and a redrive DLQ (5 receives)
cdklambdablueprints.NewQueueToFunction(stack, jsii.String("BatchJobs"), &cdklambdablueprints.QueueToFunctionProps{
	FunctionProps: functionProps,
	SourceOptions: &cdklambdablueprints.QueueSourceOptions{
		BatchSize:         jsii.Number(100),
		MaxBatchingWindow: awscdk.Duration_Seconds(jsii.Number(5)),
		MaxConcurrency:    jsii.Number(20),
	},
})
cdklambdablueprints.NewKinesisToFunction(stack, jsii.String("Clicks"), &cdklambdablueprints.KinesisToFunctionProps{
	FunctionProps: functionProps,
	StreamProps:   &awskinesis.StreamProps{ShardCount: jsii.Number(2)},
	SourceOptions: &cdklambdablueprints.KinesisSourceOptions{ParallelizationFactor: jsii.Number(2)},
})
cdklambdablueprints.NewDynamoStreamToFunction(stack, jsii.String("Cdc"), &cdklambdablueprints.DynamoStreamToFunctionProps{FunctionProps: functionProps})

// Bring your own stream / queue (stream-only options on a queue source do not compile):
consumer := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Consumer"), functionProps)
stream := awskinesis.NewStream(stack, jsii.String("Events"), &awskinesis.StreamProps{Encryption: awskinesis.StreamEncryption_MANAGED})
fifoQueue := awssqs.NewQueue(stack, jsii.String("Ordered"), &awssqs.QueueProps{
	Fifo:              jsii.Bool(true),
	VisibilityTimeout: awscdk.Duration_Minutes(jsii.Number(3)),
	EnforceSSL:        jsii.Bool(true),
})
consumer.AddEventSource(cdklambdablueprints.NewKinesisSource(stream, &cdklambdablueprints.KinesisSourceOptions{
	StartingPosition: awslambda.StartingPosition_TRIM_HORIZON,
}))
consumer.AddEventSource(cdklambdablueprints.NewQueueSource(fifoQueue, &cdklambdablueprints.QueueSourceOptions{
	BatchSize: jsii.Number(10), // FIFO: ordered per message group
}))
