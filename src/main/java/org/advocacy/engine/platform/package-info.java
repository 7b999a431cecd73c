/**
 * What the app runs on: the embedded PostgreSQL, the Axon event store on PostgreSQL, security and roles, problem answers, and the gateway that sends campaign commands with their metadata.
 */
package org.advocacy.engine.platform;
