/**
 * The demo profile's sample campaign, driven through the same services as the API.
 */
package org.advocacy.engine.demo;
