import * as efs from 'aws-cdk-lib/aws-efs';

/**
 * Durable storage for a function: an EFS access point mounted under `/mnt/…`.
 *
 * `/tmp` survives only between warm invocations of one execution environment; EFS is the durable,
 * shared mount. Mounting requires VPC placement (`network`) in the file system's VPC: the function's
 * and the mount targets' security groups are opened on NFS (2049) both ways, and the role gets
 * `elasticfilesystem:ClientMount` and `ClientWrite` on the file system, only through this access point.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html
 */
export class FunctionFileSystem {
  /**
   * Mount an EFS access point.
   * @param accessPoint the access point (its POSIX user and root directory apply to the function)
   * @param mountPath where the function sees it: `/mnt/<name>`, `<name>` of `[a-zA-Z0-9-_.]`, at most 160 characters
   */
  public static fromEfsAccessPoint(accessPoint: efs.IAccessPoint, mountPath: string): FunctionFileSystem {
    return new FunctionFileSystem(accessPoint, mountPath);
  }

  /** The access point. */
  public readonly accessPoint: efs.IAccessPoint;
  /** The local mount path. */
  public readonly mountPath: string;

  private constructor(accessPoint: efs.IAccessPoint, mountPath: string) {
    this.accessPoint = accessPoint;
    this.mountPath = mountPath;
  }
}
