import io.github.cdklambdablueprints.BlueprintCode;
import io.github.cdklambdablueprints.BlueprintEntryCodeOptions;
import io.github.cdklambdablueprints.BlueprintFunction;
import io.github.cdklambdablueprints.BundleFormat;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Handler;
import software.amazon.awscdk.services.lambda.Runtime;

BlueprintFunction.Builder.create(this, "AcceptOrder")
        .runtime(Runtime.NODEJS_24_X)
        .handler("orders.handler") // the bundle is orders.mjs, and it must export handler
        .code(BlueprintCode.fromEntry("orders/src/handler.ts", // relative to where cdk runs
                BlueprintEntryCodeOptions.builder().format(BundleFormat.ESM).minify(true).build()))
        .build();
BlueprintFunction.Builder.create(this, "Escape")
        .runtime(Runtime.PYTHON_3_14)
        .architecture(Architecture.ARM_64) // pip installs manylinux aarch64 wheels
        .handler("app.handler")
        .code(BlueprintCode.fromPythonProject("escape")) // app.py + requirements.txt
        .build();
IRepository repository = Repository.fromRepositoryName(this, "Reports", "reports");
BlueprintFunction.Builder.create(this, "Report")
        .runtime(Runtime.FROM_IMAGE)
        .handler(Handler.FROM_IMAGE)
        .code(BlueprintCode.fromEcr(repository, "sha256:5b1b3c6f0d2f4e8a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b"))
        .build();
