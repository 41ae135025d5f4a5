package corpus.androidflows.parcels;

import android.os.Parcel;
import android.os.Parcelable;

/** A parcelable with one field that holds a device id and one that holds a label. */
public class DeviceRecord implements Parcelable {
    public String deviceId;
    public String label;

    public DeviceRecord() {
    }

    protected DeviceRecord(Parcel in) {
        deviceId = in.readString();
        label = in.readString();
    }

    @Override
    public void writeToParcel(Parcel out, int flags) {
        out.writeString(deviceId);
        out.writeString(label);
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
