import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import io.github.cdklambdablueprints.ConcurrencyBudget;
import io.github.cdklambdablueprints.ConcurrencyBudgetOptions;
import io.github.cdklambdablueprints.FunctionConcurrency;
import io.github.cdklambdablueprints.LambdaBlueprintChecks;
import io.github.cdklambdablueprints.NagAcknowledgements;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Validations;

// legacyFn: an IFunction of one of your stacks
App app = new App();
// ... stacks ...
Validations.of(app).addPlugins(
        new AwsSolutionsChecks(app), new ServerlessChecks(app),
        LambdaBlueprintChecks.Builder.create(app).accountConcurrencyLimit(1000).build());
ConcurrencyBudget.enforce(app, ConcurrencyBudgetOptions.builder().accountConcurrencyLimit(1000).build());

// acknowledge an accepted finding, with a reason a reviewer would accept
NagAcknowledgements.add(legacyFn, "LambdaBlueprints-LambdaStreamFailureHandling", "ordered ledger: batches must not be split");

// inspect: reserved vs. stream concurrency per function
for (FunctionConcurrency f : ConcurrencyBudget.report(app)) {
    System.out.println(f.getFunctionPath() + " " + f.getReservedConcurrency() + " " + f.getStreamConcurrency());
}
