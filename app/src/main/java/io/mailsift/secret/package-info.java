/** STUB until the integrator's io.mailsift.secret lands on main. */
@NullMarked
package io.mailsift.secret;

import org.jspecify.annotations.NullMarked;
