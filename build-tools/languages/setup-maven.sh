#!/usr/bin/env bash
# Seeds the project's Maven repository (.cache/m2, gitignored) with the aws-cdk-lib, constructs and cdk-nag releases the
# Java package and consumer build against. Maven Central serves their jars, but its maven-metadata.xml lists
# neither aws-cdk-lib >= 2.264 nor cdk-nag 3.x, so the version ranges of the generated pom
# ([2.270.0,3.0.0), [3.0.2,4.0.0)) resolve only once the releases are installed in the local repository.
# Idempotent: a second run finds them and does nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)/.cache/m2"
mvn=(mvn -B -q -U -Dmaven.repo.local="${repo}")
for gav in software.amazon.awscdk:aws-cdk-lib:2.272.0 io.github.cdklabs:cdknag:3.0.2 software.constructs:constructs:10.5.1; do
  IFS=: read -r group artifact version <<<"${gav}"
  dir="${repo}/${group//.//}/${artifact}"
  if grep -qs "<version>${version}</version>" "${dir}/maven-metadata-local.xml"; then continue; fi
  echo "maven: ${gav}"
  "${mvn[@]}" dependency:get -Dartifact="${gav}:pom" -Dtransitive=false
  "${mvn[@]}" dependency:get -Dartifact="${gav}" -Dtransitive=false
  tmp=$(mktemp -d)
  cp "${dir}/${version}/${artifact}-${version}.jar" "${tmp}/a.jar"
  cp "${dir}/${version}/${artifact}-${version}.pom" "${tmp}/a.pom"
  "${mvn[@]}" install:install-file -Dfile="${tmp}/a.jar" -DpomFile="${tmp}/a.pom"
  rm -rf "${tmp}"
done
