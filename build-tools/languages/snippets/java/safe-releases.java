import io.github.cdklambdablueprints.BlueprintCode;
import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.DeploymentStrategy;
import io.github.cdklambdablueprints.FunctionDeploymentOptions;
import io.github.cdklambdablueprints.ProvisionedConcurrencyScaling;
import io.github.cdklambdablueprints.SmokeTestOptions;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.Runtime;

Alarm latencyAlarm = Alarm.Builder.create(this, "LatencyAlarm")
        .metric(Metric.Builder.create().namespace("AWS/Lambda").metricName("Duration").statistic("p99").period(Duration.minutes(1)).build())
        .threshold(1000)
        .evaluationPeriods(1)
        .build();
BlueprintFunction api = BlueprintFunction.Builder.create(this, "Api")
        .runtime(Runtime.NODEJS_24_X)
        .handler("index.handler")
        .code(BlueprintCode.fromFile("handlers/api.js"))
        .deployment(FunctionDeploymentOptions.builder()
                .aliasName("prod") // one stack per stage: "dev", "test", "prod"
                // or DeploymentStrategy.linear(TrafficShiftOptions.builder().percentage(20).interval(Duration.minutes(2)).build())
                .strategy(DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES)
                .smokeTest(SmokeTestOptions.builder().payload("{\"smokeTest\":true}").build()) // fails the deployment on a function error
                .rollbackAlarms(List.of(latencyAlarm)) // besides the alias's Errors/Throttles alarms
                .provisionedConcurrency(2) // ≤ reserved concurrency
                .provisionedConcurrencyScaling(ProvisionedConcurrencyScaling.builder().maxCapacity(20).utilizationTarget(0.7).build())
                .build())
        .reservedConcurrentExecutions(50)
        .build();
api.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.AWS_IAM).build()); // on the alias
