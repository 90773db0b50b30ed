package jp.madoguchi.staff;

import java.util.UUID;

/** A registered kiosk or hall display, authenticated by its bearer token. */
public record DevicePrincipal(UUID id, String office, DeviceKind kind, String name) {
}
