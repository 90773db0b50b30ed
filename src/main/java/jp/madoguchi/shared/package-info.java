/**
 * What every module may use: the clock, the problem type that domain refusals share, and
 * the translation of refusals and framework errors into {@code application/problem+json}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.madoguchi.shared;
