from cdk_lambda_blueprints import SampleEvents

# Each event is a dict, as Lambda's Python runtime hands it to a handler.
sqs_event = SampleEvents.sqs(bodies=['{"orderId":"1"}', '{"orderId":"2"}'], queue_name="orders.fifo")
alb_event = SampleEvents.alb(method="POST", path="/orders", body="{}", multi_value_headers=True)
change = SampleEvents.dynamo_db(event_name="MODIFY", keys={"pk": "order#1"}, new_image={"pk": "order#1", "status": "PAID"})
print(len(sqs_event["Records"]), alb_event["multiValueHeaders"], change["Records"][0]["dynamodb"]["NewImage"])
sign_up = SampleEvents.cognito_pre_sign_up(user_attributes={"email": "jane@example.com"})
edge = SampleEvents.cloud_front_viewer_request(uri="/docs/", headers={"Host": "example.com"})
batch = SampleEvents.cloud_watch_logs(messages=["ERROR payment failed"], log_group="/aws/lambda/payments")
print(sign_up["response"]["autoConfirmUser"], edge["Records"][0]["cf"]["request"]["uri"], len(batch["awslogs"]["data"]))
