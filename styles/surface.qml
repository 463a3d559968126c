<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis minScale="1e+08" version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal fetchMode="0" enabled="0" mode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option type="QString" name="identify/format" value="Value"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling zoomedInResamplingMethod="nearestNeighbour" zoomedOutResamplingMethod="nearestNeighbour" enabled="false" maxOversampling="2"/>
    </provider>
    <rasterrenderer type="singlebandpseudocolor" band="1" classificationMin="0" classificationMax="1" alphaBand="-1" opacity="0.85" nodataColor="">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader clip="0" minimumValue="0" maximumValue="1" colorRampType="INTERPOLATED" classificationMode="1" labelPrecision="6">
          <colorramp type="gradient" name="[source]">
            <Option type="Map">
              <Option type="QString" name="color1" value="252,253,191,255"/>
              <Option type="QString" name="color2" value="0,0,4,255"/>
              <Option type="QString" name="discrete" value="0"/>
              <Option type="QString" name="rampType" value="gradient"/>
              <Option type="QString" name="stops" value="0.019608;252,244,182,255:0.039216;253,235,172,255:0.058824;253,226,163,255:0.078431;254,216,154,255:0.098039;254,207,146,255:0.117647;254,198,138,255:0.137255;254,189,130,255:0.156863;254,180,123,255:0.176471;254,170,116,255:0.196078;254,161,110,255:0.215686;253,152,105,255:0.235294;252,142,100,255:0.254902;251,133,96,255:0.27451;249,123,93,255:0.294118;247,114,92,255:0.313725;244,105,92,255:0.333333;241,96,93,255:0.352941;236,88,96,255:0.372549;231,82,99,255:0.392157;224,76,103,255:0.411765;217,70,107,255:0.431373;210,66,111,255:0.45098;202,62,114,255:0.470588;194,59,117,255:0.490196;186,56,120,255:0.509804;178,53,123,255:0.529412;170,51,125,255:0.54902;161,48,126,255:0.568627;153,45,128,255:0.588235;145,43,129,255:0.607843;137,40,129,255:0.627451;129,37,129,255:0.647059;121,34,130,255:0.666667;114,31,129,255:0.686275;106,28,129,255:0.705882;98,25,128,255:0.72549;90,22,126,255:0.745098;82,19,124,255:0.764706;74,16,121,255:0.784314;66,15,117,255:0.803922;57,15,110,255:0.823529;49,17,101,255:0.843137;41,17,90,255:0.862745;33,17,78,255:0.882353;26,16,66,255:0.901961;20,14,54,255:0.921569;14,11,43,255:0.941176;9,7,32,255:0.960784;5,4,22,255:0.980392;2,2,11,255"/>
            </Option>
            <prop k="color1" v="252,253,191,255"/>
            <prop k="color2" v="0,0,4,255"/>
            <prop k="discrete" v="0"/>
            <prop k="rampType" v="gradient"/>
            <prop k="stops" v="0.019608;252,244,182,255:0.039216;253,235,172,255:0.058824;253,226,163,255:0.078431;254,216,154,255:0.098039;254,207,146,255:0.117647;254,198,138,255:0.137255;254,189,130,255:0.156863;254,180,123,255:0.176471;254,170,116,255:0.196078;254,161,110,255:0.215686;253,152,105,255:0.235294;252,142,100,255:0.254902;251,133,96,255:0.27451;249,123,93,255:0.294118;247,114,92,255:0.313725;244,105,92,255:0.333333;241,96,93,255:0.352941;236,88,96,255:0.372549;231,82,99,255:0.392157;224,76,103,255:0.411765;217,70,107,255:0.431373;210,66,111,255:0.45098;202,62,114,255:0.470588;194,59,117,255:0.490196;186,56,120,255:0.509804;178,53,123,255:0.529412;170,51,125,255:0.54902;161,48,126,255:0.568627;153,45,128,255:0.588235;145,43,129,255:0.607843;137,40,129,255:0.627451;129,37,129,255:0.647059;121,34,130,255:0.666667;114,31,129,255:0.686275;106,28,129,255:0.705882;98,25,128,255:0.72549;90,22,126,255:0.745098;82,19,124,255:0.764706;74,16,121,255:0.784314;66,15,117,255:0.803922;57,15,110,255:0.823529;49,17,101,255:0.843137;41,17,90,255:0.862745;33,17,78,255:0.882353;26,16,66,255:0.901961;20,14,54,255:0.921569;14,11,43,255:0.941176;9,7,32,255:0.960784;5,4,22,255:0.980392;2,2,11,255"/>
          </colorramp>
          <item alpha="255" value="0" color="#fcfdbf" label="0"/>
          <item alpha="255" value="0.019608" color="#fcf4b6" label="0.0196"/>
          <item alpha="255" value="0.039216" color="#fdebac" label="0.0392"/>
          <item alpha="255" value="0.058824" color="#fde2a3" label="0.0588"/>
          <item alpha="255" value="0.078431" color="#fed89a" label="0.0784"/>
          <item alpha="255" value="0.098039" color="#fecf92" label="0.098"/>
          <item alpha="255" value="0.117647" color="#fec68a" label="0.118"/>
          <item alpha="255" value="0.137255" color="#febd82" label="0.137"/>
          <item alpha="255" value="0.156863" color="#feb47b" label="0.157"/>
          <item alpha="255" value="0.176471" color="#feaa74" label="0.176"/>
          <item alpha="255" value="0.196078" color="#fea16e" label="0.196"/>
          <item alpha="255" value="0.215686" color="#fd9869" label="0.216"/>
          <item alpha="255" value="0.235294" color="#fc8e64" label="0.235"/>
          <item alpha="255" value="0.254902" color="#fb8560" label="0.255"/>
          <item alpha="255" value="0.27451" color="#f97b5d" label="0.275"/>
          <item alpha="255" value="0.294118" color="#f7725c" label="0.294"/>
          <item alpha="255" value="0.313725" color="#f4695c" label="0.314"/>
          <item alpha="255" value="0.333333" color="#f1605d" label="0.333"/>
          <item alpha="255" value="0.352941" color="#ec5860" label="0.353"/>
          <item alpha="255" value="0.372549" color="#e75263" label="0.373"/>
          <item alpha="255" value="0.392157" color="#e04c67" label="0.392"/>
          <item alpha="255" value="0.411765" color="#d9466b" label="0.412"/>
          <item alpha="255" value="0.431373" color="#d2426f" label="0.431"/>
          <item alpha="255" value="0.45098" color="#ca3e72" label="0.451"/>
          <item alpha="255" value="0.470588" color="#c23b75" label="0.471"/>
          <item alpha="255" value="0.490196" color="#ba3878" label="0.49"/>
          <item alpha="255" value="0.509804" color="#b2357b" label="0.51"/>
          <item alpha="255" value="0.529412" color="#aa337d" label="0.529"/>
          <item alpha="255" value="0.54902" color="#a1307e" label="0.549"/>
          <item alpha="255" value="0.568627" color="#992d80" label="0.569"/>
          <item alpha="255" value="0.588235" color="#912b81" label="0.588"/>
          <item alpha="255" value="0.607843" color="#892881" label="0.608"/>
          <item alpha="255" value="0.627451" color="#812581" label="0.627"/>
          <item alpha="255" value="0.647059" color="#792282" label="0.647"/>
          <item alpha="255" value="0.666667" color="#721f81" label="0.667"/>
          <item alpha="255" value="0.686275" color="#6a1c81" label="0.686"/>
          <item alpha="255" value="0.705882" color="#621980" label="0.706"/>
          <item alpha="255" value="0.72549" color="#5a167e" label="0.725"/>
          <item alpha="255" value="0.745098" color="#52137c" label="0.745"/>
          <item alpha="255" value="0.764706" color="#4a1079" label="0.765"/>
          <item alpha="255" value="0.784314" color="#420f75" label="0.784"/>
          <item alpha="255" value="0.803922" color="#390f6e" label="0.804"/>
          <item alpha="255" value="0.823529" color="#311165" label="0.824"/>
          <item alpha="255" value="0.843137" color="#29115a" label="0.843"/>
          <item alpha="255" value="0.862745" color="#21114e" label="0.863"/>
          <item alpha="255" value="0.882353" color="#1a1042" label="0.882"/>
          <item alpha="255" value="0.9019608" color="#140e36" label="0.902"/>
          <item alpha="255" value="0.9215686" color="#0e0b2b" label="0.922"/>
          <item alpha="255" value="0.9411765" color="#090720" label="0.941"/>
          <item alpha="255" value="0.9607843" color="#050416" label="0.961"/>
          <item alpha="255" value="0.9803922" color="#02020b" label="0.98"/>
          <item alpha="255" value="1" color="#000004" label="1"/>
          <rampLegendSettings suffix="" prefix="" useContinuousLegend="1" minimumLabel="" orientation="2" maximumLabel="" direction="0">
            <numericFormat id="basic">
              <Option type="Map">
                <Option type="QChar" name="decimal_separator" value=""/>
                <Option type="int" name="decimals" value="6"/>
                <Option type="int" name="rounding_type" value="0"/>
                <Option type="bool" name="show_plus" value="false"/>
                <Option type="bool" name="show_thousand_separator" value="true"/>
                <Option type="bool" name="show_trailing_zeros" value="false"/>
                <Option type="QChar" name="thousand_separator" value=""/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100" colorizeRed="255" invertColors="0" grayscaleMode="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
