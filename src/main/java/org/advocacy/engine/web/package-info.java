/**
 * The pages: server-rendered (Thymeleaf) views of the other modules' services, for coordinators,
 * managers and admins, with forms generated from the templates' field declarations and small
 * scripts (htmx, the bpmn-js viewer, Chart.js) served from the app itself.
 */
package org.advocacy.engine.web;
