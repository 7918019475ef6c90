import io.github.cdklambdablueprints.LocalDeliverOptions;
import io.github.cdklambdablueprints.LocalDeliveryResult;
import io.github.cdklambdablueprints.LocalEvents;
import io.github.cdklambdablueprints.LocalInvokeResult;
import io.github.cdklambdablueprints.LocalLambda;
import java.util.List;
import java.util.Map;

// app: the App under test, e.g. from your buildApp()
LocalLambda fn = LocalLambda.fromStage(app, "SqsWorker/Jobs"); // or LocalLambda.fromAssembly("cdk.out", …)
// getPayload() (JSON text), getErrorType(), getColdStart(), getLogs()…
LocalInvokeResult result = fn.invoke(LocalEvents.sqs(List.of("{\"order\":1}")));
LocalInvokeResult direct = fn.invoke(Map.of("orderId", 1)); // any JSON value (a Map in Java), or JSON text
LocalDeliveryResult delivery = fn.deliver(LocalDeliverOptions.builder().records(List.of("a", "b")).build()); // getOutbox(): where every event ended up
fn.dispose();
