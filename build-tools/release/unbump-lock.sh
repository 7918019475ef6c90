#!/usr/bin/env bash
# unbump's last step: package-lock.json records the root package's version too, and the release build's projen
# synth (npm install) wrote the release's version into it; put back package.json's (0.0.0, just restored), so
# that the release's check for changed tracked files passes. Only those two fields are touched.
set -euo pipefail
node -e '
const fs = require("fs");
const version = JSON.parse(fs.readFileSync("package.json", "utf-8")).version;
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf-8"));
lock.version = version;
if (lock.packages && lock.packages[""]) lock.packages[""].version = version;
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
'
