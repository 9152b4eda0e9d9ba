// Benchmark helper: the formats for ajv-cli (-c), as gdprctl reads them.
// ajv-formats, except that a date-time may leave out its seconds, which
// records may (gdprctl(5)); RFC 3339 as ajv-formats reads it requires them.
'use strict';
const addFormats = require('ajv-formats');

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

module.exports = (ajv) => {
	addFormats(ajv);
	ajv.addFormat('date-time', dateTime);
	return ajv;
};
