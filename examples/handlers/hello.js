// A small dependency-free handler: BlueprintCode.fromFile inlines it into the template (Code.ZipFile).
exports.handler = async (event) => {
  console.log(JSON.stringify({ message: 'hello', event }));
  return { ok: true };
};
