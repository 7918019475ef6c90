from cdk_lambda_blueprints import LocalEvents, LocalLambda

# app: the aws_cdk.App under test, e.g. from your build_app()
fn = LocalLambda.from_stage(app, "SqsWorker/Jobs")  # or LocalLambda.from_assembly("cdk.out", …)
result = fn.invoke(LocalEvents.sqs(['{"order":1}']))  # payload (JSON text), error_type, cold_start, logs…
direct = fn.invoke({"orderId": 1})  # any JSON value (a dict in Python), or JSON text
delivery = fn.deliver(records=["a", "b"])  # delivery.outbox: where every event ended up
fn.dispose()
