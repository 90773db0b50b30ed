package jp.madoguchi.staff.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.madoguchi.office.OfficeCatalog;
import jp.madoguchi.staff.DeviceKind;
import jp.madoguchi.staff.Devices;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registering the office's kiosks and hall displays (administrators). */
@RestController
@Tag(name = "Devices")
class DeviceController {

	private final OfficeCatalog offices;

	private final Devices devices;

	DeviceController(OfficeCatalog offices, Devices devices) {
		this.offices = offices;
		this.devices = devices;
	}

	@PostMapping("/api/v1/offices/{office}/devices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a kiosk or hall display; the token in the answer is shown only once")
	RegisteredDevice register(@PathVariable String office, @Valid @RequestBody DeviceRequest request) {
		String officeId = this.offices.get(office).id();
		Devices.Registered registered = this.devices.register(officeId, request.kind(), request.name());
		return new RegisteredDevice(registered.device().id(), officeId, request.kind(), request.name(),
				registered.token());
	}

	record DeviceRequest(@NotNull DeviceKind kind, @NotNull @Size(min = 1, max = 100) String name) {
	}

	record RegisteredDevice(UUID id, String office, DeviceKind kind, String name, String token) {
	}

}
