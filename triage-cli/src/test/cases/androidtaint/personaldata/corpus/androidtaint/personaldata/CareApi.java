package corpus.androidtaint.personaldata;

import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.POST;

/** The app's back end, as a Retrofit interface: a call sends its arguments. */
public interface CareApi {
    @FormUrlEncoded
    @POST("devices")
    Call<Void> register(@Field("serial") String serial, @Field("app") String app);

    @FormUrlEncoded
    @POST("hello")
    Call<Void> hello(@Field("app") String app);

    static CareApi create() {
        return new Retrofit.Builder().baseUrl("https://api.example.org/").build().create(CareApi.class);
    }
}
