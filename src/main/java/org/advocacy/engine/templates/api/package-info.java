/**
 * The deployed templates over HTTP (/api/templates).
 */
package org.advocacy.engine.templates.api;
