import io.github.cdklambdablueprints.BlueprintCode;
import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BlueprintVpc;
import io.github.cdklambdablueprints.FunctionFileSystem;
import io.github.cdklambdablueprints.FunctionNetworkOptions;
import io.github.cdklambdablueprints.NetworkTarget;
import java.util.List;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.efs.AccessPoint;
import software.amazon.awscdk.services.efs.AccessPointOptions;
import software.amazon.awscdk.services.efs.Acl;
import software.amazon.awscdk.services.efs.FileSystem;
import software.amazon.awscdk.services.efs.PosixUser;
import software.amazon.awscdk.services.lambda.Runtime;

BlueprintVpc net = BlueprintVpc.Builder.create(this, "Network").natGateways(1).build(); // 2 AZs, NAT, flow logs, S3+DynamoDB endpoints
SecurityGroup db = SecurityGroup.Builder.create(this, "DatabaseGroup").vpc(net.getVpc()).allowAllOutbound(false).build(); // e.g. an Aurora cluster's group
SecurityGroup cacheSecurityGroup = SecurityGroup.Builder.create(this, "CacheGroup").vpc(net.getVpc()).allowAllOutbound(false).build();
FileSystem fileSystem = FileSystem.Builder.create(this, "Files").vpc(net.getVpc()).encrypted(true).build();
AccessPoint accessPoint = fileSystem.addAccessPoint("Data", AccessPointOptions.builder()
        .path("/data")
        .createAcl(Acl.builder().ownerUid("1001").ownerGid("1001").permissions("750").build())
        .posixUser(PosixUser.builder().uid("1001").gid("1001").build())
        .build());

BlueprintFunction worker = BlueprintFunction.Builder.create(this, "Worker")
        .runtime(Runtime.NODEJS_24_X)
        .handler("index.handler")
        .code(BlueprintCode.fromFile("handlers/worker.js"))
        .network(net.privateEgress(FunctionNetworkOptions.builder() // or FunctionNetwork.privateEgress(anyVpc, …) / .isolated(vpc, …)
                .interfaceEndpoints(List.of(InterfaceVpcEndpointAwsService.SQS)) // shared, 443 from functions only
                .connectTo(List.of(NetworkTarget.builder().target(db).port(Port.tcp(5432)).build())) // opens the DB group to the worker's
                .build()))
        .fileSystem(FunctionFileSystem.fromEfsAccessPoint(accessPoint, "/mnt/data")) // durable storage, needs network
        .build();
worker.connectTo(cacheSecurityGroup, Port.tcp(6379));
db.getConnections().allowFrom(worker, Port.tcp(5432)); // or any aws-cdk-lib connections call
