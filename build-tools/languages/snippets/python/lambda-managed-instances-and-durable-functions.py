from aws_cdk import Duration
import aws_cdk.aws_events as events
import aws_cdk.aws_lambda as lambda_
from cdk_lambda_blueprints import BlueprintCapacityProvider, BlueprintCode, BlueprintFunction, BlueprintVpc, EventBridgeToFunction

instances_vpc = BlueprintVpc(self, "InstancesVpc")
capacity = BlueprintCapacityProvider(self, "Capacity", network=instances_vpc.private_egress(), max_v_cpu_count=64)
BlueprintFunction(self, "Resize",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=BlueprintCode.from_file("handlers/resize.js"),
    memory_size=4096,
    capacity_provider=capacity,  # or any ICapacityProvider (imported ones too)
    capacity_provider_options=lambda_.CapacityProviderFunctionOptions(execution_environment_memory_gib_per_v_cpu=2, per_execution_environment_max_concurrency=32)
)

workflow = BlueprintFunction(self, "OrderWorkflow",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=BlueprintCode.from_file("handlers/workflow.js"),
    durable_config=lambda_.DurableConfig(execution_timeout=Duration.days(1))  # released through the alias `live`
)
EventBridgeToFunction(self, "OrderPlaced", function=workflow, event_pattern=events.EventPattern(source=["shop.orders"]))  # targets the alias
