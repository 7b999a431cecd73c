/**
 * UN reference data shipped with the app: the member states of the United Nations and the
 * Security Council's composition by year, read from {@code reference/} on the classpath, so that
 * forms can suggest the names that vote records use. Pure Java: no framework types.
 */
package org.advocacy.engine.reference;
