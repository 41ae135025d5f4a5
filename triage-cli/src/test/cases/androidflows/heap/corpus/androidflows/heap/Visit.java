package corpus.androidflows.heap;

/** A value object: its fields are set once, by the constructor. */
final class Visit {
    final String patientDevice;
    final String room;

    Visit(String patientDevice, String room) {
        this.patientDevice = patientDevice;
        this.room = room;
    }

    String device() {
        return patientDevice;
    }

    String room() {
        return room;
    }
}
