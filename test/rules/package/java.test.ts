import * as fs from 'fs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction } from '../../../src';
import { writeZip } from '../../layers/fixtures';
import { both, newStack } from '../modes';
import { packageDir } from '../packages';

/** The first bytes of a class file of a major version (61: Java 17, 65: Java 21, 69: Java 25). */
function classFile(major: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32BE(0xcafebabe, 0);
  b.writeUInt16BE(major, 6);
  return b;
}

const HANDLER = 'com.example.Hello::handleRequest';
const REASON = 'the JVM refuses a class file newer than itself (UnsupportedClassVersionError): the function fails when it loads the class';

function javaStack(code: lambda.Code, runtime = lambda.Runtime.JAVA_21) {
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { runtime, handler: HANDLER, code });
  return stack;
}

describe('LambdaJavaClassVersion', () => {
  test('class files for Java 25 on java21: the class and both versions are named, in a directory', () => {
    const dir = packageDir({ 'com/example/Hello.class': classFile(69), 'com/example/Util.class': classFile(65) });
    expect(both(javaStack(lambda.Code.fromAsset(dir)), 'LambdaJavaClassVersion')).toEqual([{
      id: 'LambdaBlueprints-LambdaJavaClassVersion',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: `runtime (Runtime) is "java21" (Java 21, class files up to version 65) but the code holds com/example/Hello.class (version 69, Java 25), allowed is class files compiled for Java 21 or older (javac --release 21, maven.compiler.release 21), or a runtime of the Java they were compiled for, because ${REASON}.`,
    }]);
  });
  test('in a jar deployed as the package, and in jars of lib/; more than three classes are counted', () => {
    const jar = writeZip([{ name: 'com/example/Hello.class', content: classFile(61), deflate: true }, { name: 'com/example/Other.class', content: classFile(52) }]);
    expect(both(javaStack(lambda.Code.fromAsset(jar), lambda.Runtime.JAVA_11), 'LambdaJavaClassVersion').map(r => r.message)).toEqual([
      `runtime (Runtime) is "java11" (Java 11, class files up to version 55) but the code holds com/example/Hello.class (version 61, Java 17), allowed is class files compiled for Java 11 or older (javac --release 11, maven.compiler.release 11), or a runtime of the Java they were compiled for, because ${REASON}.`,
    ]);
    const lib = writeZip(['A', 'B', 'C', 'D'].map(n => ({ name: `x/${n}.class`, content: classFile(65), deflate: true })));
    const dir = packageDir({ 'com/example/Hello.class': classFile(52), 'lib/x.jar': fs.readFileSync(lib) });
    expect(both(javaStack(lambda.Code.fromAsset(dir), lambda.Runtime.JAVA_17), 'LambdaJavaClassVersion').map(r => r.message)).toEqual([
      `runtime (Runtime) is "java17" (Java 17, class files up to version 61) but the code holds lib/x.jar!/x/A.class (version 65, Java 21), lib/x.jar!/x/B.class (version 65, Java 21), lib/x.jar!/x/C.class (version 65, Java 21) and 1 more, allowed is class files compiled for Java 17 or older (javac --release 17, maven.compiler.release 17), or a runtime of the Java they were compiled for, because ${REASON}.`,
    ]);
  });
  test('classes within the runtime\'s Java pass; newer multi-release classes and module-info.class are left out', () => {
    const jar = writeZip([
      { name: 'com/example/Hello.class', content: classFile(65) },
      { name: 'META-INF/versions/25/com/example/Fast.class', content: classFile(69) },
      { name: 'module-info.class', content: classFile(69) },
    ]);
    expect(both(javaStack(lambda.Code.fromAsset(jar)), 'LambdaJavaClassVersion')).toEqual([]);
    expect(both(javaStack(lambda.Code.fromAsset(packageDir({ 'com/example/Hello.class': classFile(69) })), lambda.Runtime.JAVA_25), 'LambdaJavaClassVersion')).toEqual([]);
  });
});
