package org.interdict.gateway.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends to create a user, and what the platform shows of one (never a password). */
public final class UserRequests {

    private UserRequests() {
    }

    public record NewUser(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "must be 3 to 64 lowercase letters, digits, '.', '_' or '-'") String username,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code") String nation,
            @NotNull @Pattern(regexp = "ministry|port-officer|admin", message = "must be ministry, port-officer or admin") String role,
            @Pattern(regexp = "[A-Z]{2}[A-Z2-9]{3}", message = "must be a UN/LOCODE") String port,
            @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
            Boolean temporaryPassword) {

        boolean passwordIsTemporary() {
            return temporaryPassword == null || temporaryPassword;
        }
    }

    public record UserView(String username, String nation, String role, String port, boolean enabled) {
    }
}
