from aws_cdk import App, Stack
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_sns as sns
from constructs import Construct
from cdk_lambda_blueprints import BlueprintFunction, QueueToFunction, SnsToFunction


def handler_props() -> dict:
    """A handler's props (keyword arguments of BlueprintFunction), with a Code of its own: an asset belongs to one stack."""
    return dict(runtime=lambda_.Runtime.NODEJS_24_X, handler="index.handler", code=lambda_.Code.from_asset("handlers/orders"))


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, jobs: list[str], **kwargs) -> None:
        """jobs: one queue worker each (30 in the app above)."""
        super().__init__(scope, construct_id, **kwargs)
        self.topic = sns.Topic(self, "OrderEvents", enforce_ssl=True)
        for job in jobs:
            QueueToFunction(self, job, function_props=handler_props())


class OrderHandlersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, topic: sns.ITopic, handlers: list[str], **kwargs) -> None:
        """handlers: one SNS handler each (20 in the app above)."""
        super().__init__(scope, construct_id, **kwargs)
        for name in handlers:
            handler = BlueprintFunction(self, name, **handler_props())
            SnsToFunction(self, f"On{name}", function=handler, topic=topic)


app = App()
orders = OrdersStack(app, "Orders", jobs=["Invoices", "Payments", "Refunds"])
OrderHandlersStack(app, "OrderHandlers", topic=orders.topic, handlers=["Email", "Audit", "Analytics"])
