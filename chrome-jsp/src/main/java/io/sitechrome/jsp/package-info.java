/**
 * JSP tags that place the chrome's components in a page, and show content only when a consent category allows it.
 */
package io.sitechrome.jsp;
