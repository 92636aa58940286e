/** The wire formats: validating input observations (with dead-letter reasons) and writing forecast JSON. */
package dev.streamcast.app.record;
