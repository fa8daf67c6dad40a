package dev.coachkit.bootstrap.bench;

import java.util.List;
import java.util.UUID;

/** Who and what the benchmark's requests name: per organization its people, spaces and some posts. */
record Population(String password, List<Organization> organizations) {

    record Person(UUID id, String email) {}

    record Organization(UUID tenantId, Person admin, List<Person> coaches, List<Person> athletes, List<UUID> spaces,
            List<UUID> posts) {}

    /** What the data set loaded, with the password every account signs in with. */
    static Population of(DataSet loaded, String password) {
        return new Population(password, loaded.tenants().stream().map(tenant -> new Organization(tenant.id(),
                person(tenant.admin()), tenant.coaches().stream().map(Population::person).toList(),
                tenant.athletes().stream().map(Population::person).toList(), tenant.spaceIds(),
                tenant.posts().stream().map(DataSet.Post::id).toList())).toList());
    }

    private static Person person(DataSet.Member member) {
        return new Person(member.id(), member.email());
    }

    /** The {@code i}-th organization, round robin. */
    Organization organization(int i) {
        return organizations.get(Math.floorMod(i, organizations.size()));
    }
}
