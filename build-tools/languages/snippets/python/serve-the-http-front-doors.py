from cdk_lambda_blueprints import LocalApi

# app: the aws_cdk.App under test, e.g. from your build_app()
api = LocalApi.from_stage(app, front_door="rest-api")  # or LocalApi.from_assembly("cdk.out")
response = api.request("GET", "/prod/items/7?limit=1", headers={"Authorization": "allow"})
# response.status_code, response.headers, response.cookies, response.body, response.logs
api.dispose()
