import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BlueprintFunctionProps;
import io.github.cdklambdablueprints.QueueToFunction;
import io.github.cdklambdablueprints.SnsToFunction;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

public class OrdersApp {
    /** A handler's props, with a Code of its own: an asset belongs to one stack. */
    static BlueprintFunctionProps handlerProps() {
        return BlueprintFunctionProps.builder()
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(Code.fromAsset("handlers/orders"))
                .build();
    }

    static class OrdersStack extends Stack {
        final Topic topic;

        /** @param jobs one queue worker each (30 in the app above) */
        OrdersStack(Construct scope, String id, StackProps props, List<String> jobs) {
            super(scope, id, props);
            topic = Topic.Builder.create(this, "OrderEvents").enforceSsl(true).build();
            for (String job : jobs) {
                QueueToFunction.Builder.create(this, job).functionProps(handlerProps()).build();
            }
        }
    }

    static class OrderHandlersStack extends Stack {
        /** @param handlers one SNS handler each (20 in the app above) */
        OrderHandlersStack(Construct scope, String id, StackProps props, ITopic topic, List<String> handlers) {
            super(scope, id, props);
            for (String name : handlers) {
                BlueprintFunction handler = new BlueprintFunction(this, name, handlerProps());
                SnsToFunction.Builder.create(this, "On" + name).function(handler).topic(topic).build();
            }
        }
    }

    public static void main(String[] args) {
        App app = new App();
        OrdersStack orders = new OrdersStack(app, "Orders", null, List.of("Invoices", "Payments", "Refunds"));
        new OrderHandlersStack(app, "OrderHandlers", null, orders.topic, List.of("Email", "Audit", "Analytics"));
        app.synth();
    }
}
