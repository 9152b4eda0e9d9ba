// ajv-cli plugin: the date-time format as gdprctl reads it (RFC 3339 with
// seconds optional, offset required), after ajv-formats' strict one.
"use strict";
const re = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
function dateTime(s) {
  const m = re.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] || "0"].map(Number);
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > dim[mo - 1]) return false;
  if (h > 23 || mi > 59 || se > 60) return false;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}
module.exports = (ajv) => ajv.addFormat("date-time", { type: "string", validate: dateTime });
