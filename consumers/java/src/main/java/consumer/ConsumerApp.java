package consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.cdklambdablueprints.BlueprintCode;
import io.github.cdklambdablueprints.QueueSourceOptions;
import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BlueprintFunctionProps;
import io.github.cdklambdablueprints.BlueprintVpc;
import io.github.cdklambdablueprints.DeploymentStrategy;
import io.github.cdklambdablueprints.FunctionDeploymentOptions;
import io.github.cdklambdablueprints.FunctionNetworkOptions;
import io.github.cdklambdablueprints.NagAcknowledgements;
import io.github.cdklambdablueprints.NetworkTarget;
import io.github.cdklambdablueprints.ProvisionedConcurrencyScaling;
import io.github.cdklambdablueprints.QueueToFunction;
import io.github.cdklambdablueprints.SmokeTestOptions;
import io.github.cdklambdablueprints.TrafficShiftOptions;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Java consumer: the examples sqs-worker, canary-release and vpc-worker written against the Maven package.
 * Each build* method is the Java form of examples/&lt;name&gt;.ts (same stack, same construct ids, same handler
 * files), so its template must equal the TypeScript example's (consumers/consumers.test.ts).
 *
 * Run: npx projen test:consumers (installs the jar from dist/java first), or from consumers/java:
 * mvn compile exec:java -Dexec.args=out
 */
public final class ConsumerApp {
    /** examples/handlers: the second argument, else from the working directory consumers/java. */
    private static Path handlers = Path.of("..", "..", "examples", "handlers").toAbsolutePath().normalize();
    private static final StackProps PROPS = StackProps.builder()
            .env(Environment.builder().account("123456789012").region("us-east-1").build()).build();

    private ConsumerApp() {
    }

    private static String handler(final String name) {
        return handlers.resolve(name).toString();
    }

    /** examples/sqs-worker.ts */
    static void buildSqsWorker(final App app) {
        Stack stack = new Stack(app, "SqsWorker", PROPS);
        QueueToFunction.Builder.create(stack, "Jobs")
                .functionProps(BlueprintFunctionProps.builder()
                        .runtime(Runtime.NODEJS_24_X)
                        .handler("index.handler")
                        .code(BlueprintCode.fromFile(handler("batch-processor.js")))
                        .timeout(Duration.seconds(60))
                        .build())
                .sourceOptions(QueueSourceOptions.builder()
                        .batchSize(100).maxBatchingWindow(Duration.seconds(5)).maxConcurrency(20).build())
                .build();
    }

    /** examples/canary-release.ts */
    static void buildCanaryRelease(final App app) {
        Stack stack = new Stack(app, "CanaryRelease", PROPS);
        BlueprintFunction api = BlueprintFunction.Builder.create(stack, "Api")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(BlueprintCode.fromFile(handler("canary-http.js")))
                .environment(Map.of("STAGE", "prod"))
                .deployment(FunctionDeploymentOptions.builder()
                        .aliasName("live")
                        .strategy(DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES)
                        .smokeTest(SmokeTestOptions.builder()
                                .payload("{\"smokeTest\":true}").expectedResponseContains("ok").build())
                        .build())
                .build();
        // A rollback alarm of our own, on the alias's p99 latency, next to the default Errors/Throttles ones.
        api.getRelease().getDeployment().addAlarm(Alarm.Builder.create(stack, "ApiLatencyAlarm")
                .metric(api.getAlias().metricDuration(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("p99").build()))
                .threshold(1_000)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription("CanaryRelease/Api: p99 latency of the live alias above 1 s (rolls a deployment back).")
                .build());
        // Triggers go through getInvokeTarget(): the URL invokes the alias.
        api.getInvokeTarget().addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.AWS_IAM).build());

        BlueprintFunction.Builder.create(stack, "Checkout")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(BlueprintCode.fromFile(handler("canary-http.js")))
                .reservedConcurrentExecutions(50)
                .deployment(FunctionDeploymentOptions.builder()
                        .strategy(DeploymentStrategy.linear(TrafficShiftOptions.builder().percentage(20).interval(Duration.minutes(2)).build()))
                        .provisionedConcurrency(2)
                        .provisionedConcurrencyScaling(ProvisionedConcurrencyScaling.builder()
                                .maxCapacity(20).utilizationTarget(0.7).build())
                        .build())
                .build();
    }

    /** examples/vpc-worker.ts */
    static void buildVpcWorker(final App app) {
        // Environment-agnostic: the VPC's zones are Fn::GetAZs of the region it is deployed to.
        Stack stack = new Stack(app, "VpcWorker");
        BlueprintVpc network = new BlueprintVpc(stack, "Network");

        // Stands for the Aurora PostgreSQL cluster's security group.
        SecurityGroup database = SecurityGroup.Builder.create(stack, "AuroraSecurityGroup")
                .vpc(network.getVpc()).description("Aurora PostgreSQL cluster").allowAllOutbound(false).build();
        IBucket input = Bucket.fromBucketName(stack, "InputBucket", "vpc-worker-input-123456789012");

        BlueprintFunction worker = BlueprintFunction.Builder.create(stack, "Worker")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(BlueprintCode.fromFile(handler("vpc-worker.js")))
                .network(network.privateEgress(FunctionNetworkOptions.builder()
                        .connectTo(List.of(NetworkTarget.builder().target(database).port(Port.tcp(5432)).build()))
                        .build()))
                .environment(Map.of("BUCKET_NAME", input.getBucketName(),
                        "DB_HOST", "aurora.cluster.internal", "DB_PORT", "5432"))
                .build();
        worker.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject")).resources(List.of(input.arnForObjects("input/*"))).build());
        NagAcknowledgements.add(worker.getRole(),
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::" + input.getBucketName() + "/input/*]",
                "The worker reads any object under the input/ prefix of its own bucket (keys are only known at run time), with s3:GetObject only.");

        // A second function in the same VPC: no internet, SQS through a shared interface endpoint.
        BlueprintFunction.Builder.create(stack, "Notifier")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(BlueprintCode.fromFile(handler("hello.js")))
                .network(network.isolated(FunctionNetworkOptions.builder()
                        .interfaceEndpoints(List.of(InterfaceVpcEndpointAwsService.SQS)).build()))
                .build();
    }

    /** Arguments: the output directory, and examples/handlers (absolute). */
    public static void main(final String[] args) {
        if (args.length > 1) {
            handlers = Path.of(args[1]);
        }
        App app = App.Builder.create().outdir(args[0]).build();
        buildSqsWorker(app);
        buildCanaryRelease(app);
        buildVpcWorker(app);
        app.synth();
    }
}
