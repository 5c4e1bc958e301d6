package org.interdict.gateway.nation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends to add or change a nation. */
public final class NationRequests {

    private NationRequests() {
    }

    public record NewNation(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull Boolean member) {
    }

    public record NationChange(
            Boolean member,
            @Pattern(regexp = "ACTIVE|SUSPENDED", message = "must be ACTIVE or SUSPENDED") String status) {
    }

    public record NationView(String code, String name, boolean member, String status, long version) {

        static NationView of(Nation nation) {
            return new NationView(nation.code, nation.name, nation.member, nation.status, nation.version);
        }
    }
}
