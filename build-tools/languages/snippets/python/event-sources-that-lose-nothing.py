from aws_cdk import Duration
import aws_cdk.aws_kinesis as kinesis
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_sqs as sqs
from cdk_lambda_blueprints import (
    BlueprintFunction, KinesisSource, KinesisSourceOptions, QueueSource,
    QueueSourceOptions, DynamoStreamToFunction, KinesisToFunction, QueueToFunction,
)

# BlueprintFunctionProps as keyword arguments: function_props=… takes the dict, BlueprintFunction(**…) too
function_props = dict(
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=lambda_.Code.from_asset("handlers/batch"),
)
# L3: creates an encrypted queue (visibility = 6 x timeout + window) and a redrive DLQ (5 receives)
QueueToFunction(self, "BatchJobs",
    function_props=function_props,
    source_options=QueueSourceOptions(batch_size=100, max_batching_window=Duration.seconds(5), max_concurrency=20)
)
KinesisToFunction(self, "Clicks", function_props=function_props, stream_props=kinesis.StreamProps(shard_count=2),
    source_options=KinesisSourceOptions(parallelization_factor=2))
DynamoStreamToFunction(self, "Cdc", function_props=function_props)

# Bring your own stream / queue (a stream-only option on a queue source is a TypeError):
consumer = BlueprintFunction(self, "Consumer", **function_props)
stream = kinesis.Stream(self, "Events", encryption=kinesis.StreamEncryption.MANAGED)
fifo_queue = sqs.Queue(self, "Ordered", fifo=True, visibility_timeout=Duration.minutes(3), enforce_ssl=True)
consumer.add_event_source(KinesisSource(stream, starting_position=lambda_.StartingPosition.TRIM_HORIZON))
consumer.add_event_source(QueueSource(fifo_queue, batch_size=10))  # FIFO: ordered per message group
