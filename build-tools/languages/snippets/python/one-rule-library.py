from aws_cdk import App, Validations
from cdk_nag import AwsSolutionsChecks, ServerlessChecks
from cdk_lambda_blueprints import ConcurrencyBudget, LambdaBlueprintChecks, NagAcknowledgements

# legacy_fn: an aws_lambda.IFunction of one of your stacks
app = App()
# ... stacks ...
Validations.of(app).add_plugins(
    AwsSolutionsChecks(app), ServerlessChecks(app),
    LambdaBlueprintChecks(app, account_concurrency_limit=1000))
ConcurrencyBudget.enforce(app, account_concurrency_limit=1000)

# acknowledge an accepted finding, with a reason a reviewer would accept
NagAcknowledgements.add(legacy_fn, "LambdaBlueprints-LambdaStreamFailureHandling", "ordered ledger: batches must not be split")

# inspect: reserved vs. stream concurrency per function
for f in ConcurrencyBudget.report(app):
    print(f.function_path, f.reserved_concurrency, f.stream_concurrency)
