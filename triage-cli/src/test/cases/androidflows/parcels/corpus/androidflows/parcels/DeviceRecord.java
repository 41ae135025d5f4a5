package corpus.androidflows.parcels;

import android.os.Parcel;
import android.os.Parcelable;

/** A parcelable with one field that holds a device id and one that holds a label. */
public class DeviceRecord implements Parcelable {
    public String deviceId;
    public String label;
    private String owner;
    private String room;

    public DeviceRecord() {
    }

    protected DeviceRecord(Parcel in) {
        deviceId = in.readString();
        label = in.readString();
        owner = in.readString();
        room = in.readString();
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getOwner() {
        return owner;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public String getRoom() {
        return room;
    }

    @Override
    public void writeToParcel(Parcel out, int flags) {
        out.writeString(deviceId);
        out.writeString(label);
        out.writeString(owner);
        out.writeString(room);
    }

    @Override
    public int describeContents() {
        return 0;
    }

    public static final Creator<DeviceRecord> CREATOR = new Creator<DeviceRecord>() {
        @Override
        public DeviceRecord createFromParcel(Parcel in) {
            return new DeviceRecord(in);
        }

        @Override
        public DeviceRecord[] newArray(int size) {
            return new DeviceRecord[size];
        }
    };
}
