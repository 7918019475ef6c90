import aws_cdk.aws_ec2 as ec2
import aws_cdk.aws_efs as efs
import aws_cdk.aws_lambda as lambda_
from cdk_lambda_blueprints import BlueprintCode, BlueprintFunction, BlueprintVpc, FunctionFileSystem, NetworkTarget

net = BlueprintVpc(self, "Network", nat_gateways=1)  # 2 AZs, NAT, flow logs, S3+DynamoDB endpoints
db = ec2.SecurityGroup(self, "DatabaseGroup", vpc=net.vpc, allow_all_outbound=False)  # e.g. an Aurora cluster's group
cache_security_group = ec2.SecurityGroup(self, "CacheGroup", vpc=net.vpc, allow_all_outbound=False)
file_system = efs.FileSystem(self, "Files", vpc=net.vpc, encrypted=True)
access_point = file_system.add_access_point("Data",
    path="/data",
    create_acl=efs.Acl(owner_uid="1001", owner_gid="1001", permissions="750"),
    posix_user=efs.PosixUser(uid="1001", gid="1001")
)

worker = BlueprintFunction(self, "Worker",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=BlueprintCode.from_file("handlers/worker.js"),
    network=net.private_egress(  # or FunctionNetwork.private_egress(any_vpc, …) / .isolated(vpc, …)
        interface_endpoints=[ec2.InterfaceVpcEndpointAwsService.SQS],  # shared, 443 from functions only
        connect_to=[NetworkTarget(target=db, port=ec2.Port.tcp(5432))],  # opens the DB group to the worker's
    ),
    file_system=FunctionFileSystem.from_efs_access_point(access_point, "/mnt/data"),  # durable storage, needs network
)
worker.connect_to(cache_security_group, ec2.Port.tcp(6379))
db.connections.allow_from(worker, ec2.Port.tcp(5432))  # or any aws-cdk-lib connections call
