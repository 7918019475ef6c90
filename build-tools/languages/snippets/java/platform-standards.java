import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BlueprintStandards;
import io.github.cdklambdablueprints.DeploymentStrategy;
import io.github.cdklambdablueprints.FunctionDeploymentOptions;
import io.github.cdklambdablueprints.RuleResource;
import io.github.cdklambdablueprints.RuleViolation;
import io.github.cdklambdablueprints.StandardDefaults;
import io.github.cdklambdablueprints.StandardRule;
import io.github.cdklambdablueprints.StandardRuleProps;
import io.github.cdklambdablueprints.StandardRules;
import io.github.cdklambdablueprints.StandardsProps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;

public class PlatformApp {
    /** A company rule, written as a class (in any jsii language): every function names its owner. */
    static class OwnerTagRequired extends StandardRule {
        OwnerTagRequired() {
            super(StandardRuleProps.builder().id("AcmeOwnerTag").build());
        }

        @Override
        public List<RuleViolation> check(RuleResource resource) {
            if (resource.property("Tags") instanceof List<?> tags) {
                for (Object tag : tags) {
                    if (tag instanceof Map<?, ?> t && "owner".equals(t.get("Key"))) {
                        return List.of();
                    }
                }
            }
            return List.of(RuleViolation.builder().property("Tags").value("no \"owner\" tag").allowed("an \"owner\" tag")
                    .reason("on-call needs to know whom to page").build());
        }
    }

    public static void main(String[] args) {
        App app = new App();
        BlueprintStandards.of(app).apply(StandardsProps.builder()
                .name("acme")
                .defaults(StandardDefaults.builder().memorySize(512).build())
                .rules(StandardRules.builder()
                        .allowedArchitectures(List.of(Architecture.ARM_64))
                        .customRules(List.of(new OwnerTagRequired()))
                        .build())
                .build());
        Stage prod = new Stage(app, "Prod");
        BlueprintStandards.of(prod).apply(StandardsProps.builder()
                .name("acme-prod")
                .defaults(StandardDefaults.builder()
                        .logRetention(RetentionDays.THREE_MONTHS)
                        .deployment(FunctionDeploymentOptions.builder().strategy(DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES).build())
                        .build())
                .rules(StandardRules.builder()
                        .denyPublicFunctionUrls(true)
                        .maxMemorySize(3008)
                        .maxTimeout(Duration.minutes(2))
                        .requireCodeDeployRelease(true)
                        .build())
                .build());
        Stack orders = new Stack(prod, "Orders");
        BlueprintStandards.of(orders).apply(StandardsProps.builder()
                .name("orders-team")
                .defaults(StandardDefaults.builder().tags(Map.of("owner", "orders-team")).build())
                .build());
        // 512 MB from "acme", three months of logs and a canary release from "acme-prod", the owner tag from "orders-team".
        BlueprintFunction.Builder.create(orders, "OrdersHandler")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"))
                .build();
        app.synth();
    }
}
