// The frame of the README's Java snippets: build-tools/languages/readme-programs.ts copies it next to them
// (consumers/out/readme/java/readme/) and consumers/run.sh compiles them all with Maven against dist/java.
package readme;

import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BlueprintFunctionProps;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.efs.AccessPoint;
import software.amazon.awscdk.services.efs.AccessPointOptions;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A snippet's body is the constructor of a subclass: {@code this} is the stack, and the free variables of
 * the TypeScript snippets (the declarations of rosetta/default.ts-fixture, build-tools/languages/rosetta-fixture.ts)
 * are the fields below, real objects of this stack. A snippet that declares one of these names shadows the field.
 * The same names, with the same objects, are in consumers/readme/run_snippets.py and consumers/readme/prelude.go.
 */
public abstract class SnippetStack extends Stack {
    protected final Stack stack = this;
    /** The app under test (in Python: an app with the sqs-worker stack and a REST API). */
    protected final App app = new App();
    protected final Vpc vpc;
    protected final AccessPoint accessPoint;
    protected final ApplicationLoadBalancer alb;
    protected final Bucket bucket;
    protected final SecurityGroup cacheSecurityGroup;
    protected final ICertificate certificate;
    protected final DatabaseCluster cluster;
    protected final Code code;
    protected final EventBus eventBus;
    protected final String extensionArn = "arn:aws:lambda:us-east-1:123456789012:layer:my-extension:3";
    protected final Queue fifoQueue;
    protected final BlueprintFunctionProps functionProps;
    protected final BlueprintFunction fn;
    protected final Key key;
    protected final Alarm latencyAlarm;
    protected final LayerVersion layer;
    protected final BlueprintFunction legacyFn;
    protected final IStringParameter param;
    protected final Queue queue;
    protected final Secret secret;
    protected final SecurityGroup securityGroup;
    protected final Stream stream;
    protected final Table table;
    protected final Topic topic;

    protected SnippetStack(Construct scope, String id) {
        super(scope, id, StackProps.builder().env(Environment.builder().account("123456789012").region("us-east-1").build()).build());
        vpc = Vpc.Builder.create(this, "PreludeVpc").maxAzs(2).natGateways(1).build();
        accessPoint = FileSystem.Builder.create(this, "PreludeFileSystem").vpc(vpc).encrypted(true).build()
                .addAccessPoint("PreludeAccessPoint", AccessPointOptions.builder().path("/data").build());
        alb = ApplicationLoadBalancer.Builder.create(this, "PreludeAlb").vpc(vpc).build();
        bucket = Bucket.Builder.create(this, "PreludeBucket").enforceSsl(true).build();
        cacheSecurityGroup = SecurityGroup.Builder.create(this, "PreludeCacheGroup").vpc(vpc).allowAllOutbound(false).build();
        certificate = Certificate.fromCertificateArn(this, "PreludeCertificate",
                "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555");
        cluster = DatabaseCluster.Builder.create(this, "PreludeCluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder().version(AuroraPostgresEngineVersion.VER_16_4).build()))
                .writer(ClusterInstance.serverlessV2("writer"))
                .vpc(vpc)
                .build();
        code = Code.fromInline("exports.handler = async () => ({ statusCode: 200 });");
        eventBus = EventBus.Builder.create(this, "PreludeEventBus").build();
        fifoQueue = Queue.Builder.create(this, "PreludeFifoQueue").fifo(true).enforceSsl(true).build();
        functionProps = BlueprintFunctionProps.builder().runtime(Runtime.NODEJS_24_X).handler("index.handler").code(code).build();
        fn = new BlueprintFunction(this, "PreludeFunction", functionProps);
        key = Key.Builder.create(this, "PreludeKey").enableKeyRotation(true).build();
        latencyAlarm = Alarm.Builder.create(this, "PreludeLatencyAlarm")
                .metric(Metric.Builder.create().namespace("AWS/Lambda").metricName("Duration").statistic("p99").build())
                .threshold(1000)
                .evaluationPeriods(1)
                .build();
        layer = LayerVersion.Builder.create(this, "PreludeLayer")
                .code(Code.fromAsset("layers/shared-deps"))
                .compatibleRuntimes(List.of(Runtime.NODEJS_24_X))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .license("MIT")
                .build();
        legacyFn = new BlueprintFunction(this, "PreludeLegacyFunction", functionProps);
        param = StringParameter.fromStringParameterName(this, "PreludeParam", "/prelude/param");
        queue = Queue.Builder.create(this, "PreludeQueue").enforceSsl(true).build();
        secret = Secret.Builder.create(this, "PreludeSecret").build();
        securityGroup = SecurityGroup.Builder.create(this, "PreludeSecurityGroup").vpc(vpc).build();
        stream = Stream.Builder.create(this, "PreludeStream").encryption(StreamEncryption.MANAGED).build();
        table = Table.Builder.create(this, "PreludeTable")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        topic = Topic.Builder.create(this, "PreludeTopic").enforceSsl(true).build();
    }
}
